/** The desk's time zone (R1): service hours, dates typed by users and reports are all Oslo time. */
export const SERVICE_TIME_ZONE = 'Europe/Oslo';
