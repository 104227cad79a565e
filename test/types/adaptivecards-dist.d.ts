// The package's `lib/` build cannot be required from Node (extensionless ESM imports); its
// bundled `dist/` build can, and has the same API.
declare module 'adaptivecards/dist/adaptivecards.js' {
  export * from 'adaptivecards';
}
