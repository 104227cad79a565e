#!/usr/bin/env node
'use strict';
require('./launch')('cli/main');
