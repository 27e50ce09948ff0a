// The `links` block of the config file: how links are checked. PLACEHOLDER, owned by the link checker.
import { z } from 'zod';

/** Link-checking settings. */
export const linksSchema = z.object({}).passthrough();

/** Link settings as resolved. */
export type LinksConfig = z.output<typeof linksSchema>;
