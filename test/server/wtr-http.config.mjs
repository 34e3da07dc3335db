// Kept for backward compatibility: the main config now includes the contract server.
export { default } from '../../web-test-runner.config.mjs';
