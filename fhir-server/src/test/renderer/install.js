// Installs the SDC renderer with `npm ci --ignore-scripts`, unless node_modules already holds exactly what
// package-lock.json pins, according to npm's own record of the tree it installed (node_modules/.package-lock.json).
// The lock stays the only source of truth; an unchanged tree just saves the half minute that npm ci spends deleting
// and rewriting 250 MB on every build.
'use strict';
const fs = require('fs');
const path = require('path');
const {spawnSync} = require('child_process');

process.chdir(__dirname);

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return null;
  }
}

function upToDate() {
  const manifest = read('package.json');
  const lock = read('package-lock.json');
  const installed = read(path.join('node_modules', '.package-lock.json'));
  if (!manifest || !lock || !installed) {
    return false;
  }
  // A package.json edited without a new lock: let npm ci report it.
  if (JSON.stringify(manifest.dependencies) !== JSON.stringify(lock.packages[''].dependencies)) {
    return false;
  }
  const names = Object.keys(lock.packages).filter((name) => name !== '');
  return names.length === Object.keys(installed.packages).length
    && names.every((name) => {
      const want = lock.packages[name];
      const have = installed.packages[name];
      return have && have.version === want.version && have.integrity === want.integrity;
    });
}

if (upToDate()) {
  console.log('SDC renderer: node_modules matches package-lock.json, npm ci not needed');
  process.exit(0);
}
const npm = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {stdio: 'inherit'});
if (npm.error) {
  console.error('SDC renderer: could not run npm: ' + npm.error.message);
}
process.exit(npm.status === null ? 1 : npm.status);
