import { z } from 'zod';

// The served page forbids eval (script-src 'self'). zod probes for it with `new Function` when a schema is built,
// and a strict CSP reports even a caught probe: so this runs before any module that defines a schema.
z.config({ jitless: true });
