// zod with the `.openapi()` method that the API's OpenAPI document is generated from: the
// extension @hono/zod-openapi applies too (one function, applied once to the one zod). Plain
// `.meta()` cannot say "the named TimeZone schema, with a description of its own here": a
// wrapper's own metadata hides the reference, and the document would repeat the zone list.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
