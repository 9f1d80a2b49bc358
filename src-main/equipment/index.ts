// The equipment domain (R15–R19): approved models, the device register,
// handovers on site and the recycling register. Its one entry file.
import { defineDomain } from '../local/domain';
import { deviceEdit, deviceImport, deviceRecommendReplacement, deviceRegister } from './devices';
import { handover } from './handover';
import { equipmentSetSettings, modelImport, modelSave } from './models';
import { batchClose, batchSend, wipeConfirm } from './recycling';
import { equipmentRouter } from './router';

export const equipment = defineDomain({
  mutations: [
    modelSave,
    modelImport,
    equipmentSetSettings,
    deviceRegister,
    deviceImport,
    deviceEdit,
    deviceRecommendReplacement,
    handover,
    batchSend,
    batchClose,
    wipeConfirm,
  ],
  router: equipmentRouter,
});
