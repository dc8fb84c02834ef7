// Where keyboard focus goes between views: the product just left, so the catalog can focus its card again.
// Plain module state (one app per page); no DOM, no Svelte.

let lastProduct: string | null = null;

/** The product view remembers which product it shows. */
export function rememberProduct(id: string): void {
  lastProduct = id;
}

/** The catalog asks once which card to focus; later visits start fresh until a product is opened again. */
export function takeLastProduct(): string | null {
  const id = lastProduct;
  lastProduct = null;
  return id;
}
