/**
 * How the browser page proves it was opened from `quire serve`'s address: the token arrives in
 * the page URL's fragment (`#token=…`, never sent over the network), and the page hands it over
 * in the WebSocket handshake as the subprotocol `quire.token.<token>`, next to the plain `quire`
 * the server answers with.
 */
export const SOCKET_PROTOCOL = 'quire'
export const SOCKET_TOKEN_PREFIX = 'quire.token.'
/** The fragment parameter of the address `quire serve` prints: `http://127.0.0.1:5917/#token=…`. */
export const PAGE_TOKEN_PARAM = 'token'
/** Answers 204 to `Authorization: Bearer <this run's token>` and 401 to anything else. */
export const TOKEN_CHECK_PATH = '/token-check'

/** The line `quire serve` prints (English, as terminal output is), which the page quotes. */
export const servingLine = (url: string): string => `Quire is running at ${url}`
