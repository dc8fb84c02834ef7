export function massAndCost(b: any) { return { massGrams: b.volume / 1000 * 1.24, cost: b.volume / 1e6 * 1.24 * 25, currency: 'BRL' }; }
