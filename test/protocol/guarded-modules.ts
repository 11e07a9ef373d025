/** Node modules that run code, start processes or talk to the network: the language server uses none of them. */
export const GUARDED_MODULES = ['child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram', 'dns', 'vm', 'worker_threads', 'cluster', 'inspector'];
