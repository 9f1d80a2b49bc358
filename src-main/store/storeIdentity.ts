/** SQLite `application_id` of a desk store ("RORD"), so a foreign SQLite file is never mistaken for one. */
export const DESK_APPLICATION_ID = 0x524f5244;
export const DESK_DB_FILE = 'desk.sqlite';
