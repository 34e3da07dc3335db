// The contract server's routes of the social capability (see EXTENSION_MODULES in contract-server.mjs and
// openapi/social.openapi.yaml).

/** @type {{ operation: string, method?: string, path: string, handle(ctx: any): Promise<void> }[]} */
export const routes = [];
