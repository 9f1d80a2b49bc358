// Public API of the SLA clock (SLA.md R1, R2, R4, R8, R10, R12): settings, service calendar, deadlines.
// Pure (no Node, no DOM); storage, tRPC and UI live in the other layers.
export { SlaError, type SlaErrorCode } from './errors';
export {
  PRIORITIES,
  DEFAULT_SLA_SETTINGS,
  slaSettingsSchema,
  calendarSettingsSchema,
  targetsSchema,
  parseSlaSettings,
  isPriority,
  isValidIsoDate,
  type Priority,
  type SlaSettings,
  type SlaSettingsInput,
  type CalendarSettings,
  type PriorityTarget,
} from './settings';
export {
  createServiceCalendar,
  CONTINUOUS_CALENDAR,
  MIN_YEAR,
  MAX_YEAR,
  type ServiceCalendar,
} from './calendar';
export { publicHolidayDates, publicHolidays } from './holidays';
export {
  atRiskInstants,
  computeDeadlines,
  clockState,
  previewDeadlines,
  type PauseInterval,
  type TicketClockInput,
  type ClockStateInput,
  type Deadlines,
  type ClockStatus,
  type ClockState,
  type TicketClockState,
} from './deadlines';
