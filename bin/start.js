#!/usr/bin/env node
'use strict';
// The bot runs for weeks under steady traffic. By default V8 lets the old space grow to about
// four times what is live before a full collection: about 200 MB of garbage on a 50 MB heap under
// bench:load. Collecting once it has grown by half keeps the process near 180 MB at the same
// latency. This is not a cap: a large plan document still gets the memory it needs.
require('node:v8').setFlagsFromString('--heap-growing-percent=50');
require('./launch')('index');
