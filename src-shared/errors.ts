// Domain errors: a rule said no. They cross every transport as a code plus
// details, so each layer (desk, central store, renderer) can explain them in
// the user's language. Validation errors (zod) are not domain errors.

export const DOMAIN_ERROR_CODES = [
  'notFirstInQueue',
  'overrideNotAllowed',
  'overrideReasonRequired',
  'callNotWaiting',
  'callNotTaken',
  'callTakenByOther',
  'notFound',
  'alreadyOnCall',
  'endBeforeStart',
  'forbidden',
  'conflict',
  'centralUnavailable',
  'signedOut',
  'invalidTransition',
  'callHasTicket',
  'lastAdmin',
  'ownAccount',
  'invalidAssignee',
  'clientNotOwned',
  'mutationIdReused',
  // The equipment register (issue 14).
  'duplicateSerial',
  'duplicateAssetTag',
  'duplicateModel',
  'dateInFuture',
  'deviceNotAvailable',
  'batchClosed',
  'wipeMissing',
  'sentBeforeHandIn',
  'modelNotApproved',
  // Systems, outages, windows and notices (issue 16).
  'invalidOutage',
  'invalidWindow',
  'shortNotice',
  'restoreNeedsSystem',
  'restoreNotApproved',
  'duplicateSystem',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
