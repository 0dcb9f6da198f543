/** The bundled catalog as text (Vite's `?raw`), read for what the list entries do not carry. */
declare module '*/resources/models.json?raw' {
  const text: string
  export default text
}
