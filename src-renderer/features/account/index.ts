// The account feature as the shell and other features see it: the first administrator's setup,
// signing in, the signed-in user in the top bar, and the fields of a new account.
export { AccountNameFields, NewPasswordField } from './AccountFields';
export { FirstAdminSetup } from './FirstAdminSetup';
export { LoginScreen } from './LoginScreen';
export { UserMenu } from './UserMenu';
