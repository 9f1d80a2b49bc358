// The SLA feature as the shell and other features see it: the SLA page, and the priority picker
// that shows what a priority means wherever one is set.
export { PriorityPicker } from './PriorityPicker';
export { SlaPage } from './SlaPage';
