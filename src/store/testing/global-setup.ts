// Placeholder until the PostgreSQL harness lands (see src/store/testing/pg-cluster.ts).
export default function setup(): void {}
