import { bundleConfig } from './vite.config.ts';

export default bundleConfig('mode');
