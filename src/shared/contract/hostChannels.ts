/** Desktop-only host calls outside the contract (native dialogs). */
export const PICK_MODEL_CHANNEL = 'quire:pickModelFile'

/**
 * A file dropped on the window: the preload sends its absolute path (from
 * `webUtils.getPathForFile`); the host allows that one file and answers with the document path
 * to pass to `openDocument`, or null when it is not a Markdown or text file.
 */
export const OPEN_DROPPED_FILE_CHANNEL = 'quire:openDroppedFile'

/** Host → window: open this document path (File › Open, Open Recent, a file opened from the OS). */
export const OPEN_PATH_CHANNEL = 'quire:openPath'

/** Window → host: the page listens for OPEN_PATH_CHANNEL now; files waiting to open are sent. */
export const OPEN_PATH_READY_CHANNEL = 'quire:openPathReady'

/**
 * Host → window: Edit › Paste and Match Style (macOS) or Paste as Plain Text, with the
 * clipboard's text, for the page to paste as plain paragraphs (as Mod+Shift+V does).
 */
export const PASTE_PLAIN_TEXT_CHANNEL = 'quire:pastePlainText'
