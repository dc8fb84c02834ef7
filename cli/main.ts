export async function main(argv: string[]): Promise<number> { console.log('atelier', argv.join(' ')); return 0; }
