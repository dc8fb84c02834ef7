export class FontLibrary { constructor(public f: any[]) {} has() { return true; } missingChars(_: string, t: string) { return [...new Set([...t].filter((c) => c.charCodeAt(0) > 0x2000))]; } }
