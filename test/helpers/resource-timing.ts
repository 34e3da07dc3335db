// Imported first by a test file that reads resource timing: a dev-server page loads hundreds of modules, more
// than the browser's default buffer of 250 entries keeps.
performance.setResourceTimingBufferSize(10_000);
