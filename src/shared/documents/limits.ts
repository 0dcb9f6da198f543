/**
 * How big a document may be. A 5-million-character Chinese draft is about 15 MB of UTF-8; the
 * limits leave room for three times that, and the WebSocket payload limit sits above the
 * largest request a document of that size can make (text is sent as UTF-8 JSON).
 */
export const MAX_DOCUMENT_CHARS = 16_000_000

/** The largest file Quire opens as a document (bytes on disk, any encoding). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

/** The largest message a transport carries (WebSocket `maxPayload`); bigger ones are refused whole. */
export const MAX_WIRE_BYTES = 64 * 1024 * 1024
