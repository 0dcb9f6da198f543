/** Desktop-only host calls outside the contract (native dialogs). */
export const PICK_MODEL_CHANNEL = 'quire:pickModelFile'
