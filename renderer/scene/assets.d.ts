// Vite turns `?url` imports into the URL of the emitted file.
declare module '*.hdr?url' {
  const url: string;
  export default url;
}
