// The main process's atomic writes: node/atomic-write.ts is their one home (shared with the CLI). Node only.
export { writeFileAtomic, writeFileAtomicSync } from '../node/atomic-write';
