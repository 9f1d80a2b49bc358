// The reporters domain (R5): the reporter directory, its CSV import and the
// recognition of callers by number; browsing and editing it by hand. Its one entry file.
import { defineDomain } from '../local/domain';
import { reporterImport, reporterSave } from './mutations';
import { reportersRouter } from './router';

export const reporters = defineDomain({ mutations: [reporterImport, reporterSave], router: reportersRouter });

export { recognizeCallers, recognizeCallersOrEarlier, storedNumber } from './recognize';
