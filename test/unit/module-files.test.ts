/**
 * Module siblings (../../server/src/module-files.ts): the other `.tf` / `.tf.json` files of a
 * Terraform document's directory, open documents first, then disk; nothing for other surfaces.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { moduleDirectoryOf, siblingDocuments } from '../../server/src/module-files';

describe('module siblings', () => {
  let dir: string;
  const uri = (name: string) => pathToFileURL(path.join(dir, name)).href;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'module-files-'));
    fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "aws_cognito_user_pool_client" "c" {}\n');
    fs.writeFileSync(path.join(dir, 'pool.tf'), 'resource "aws_cognito_user_pool" "p" {}\n');
    fs.writeFileSync(path.join(dir, 'cdk.tf.json'), '{"resource": {}}\n');
    fs.writeFileSync(path.join(dir, 'big.tf'), 'x'.repeat(5000));
    fs.writeFileSync(path.join(dir, 'latin1.tf'), Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    fs.writeFileSync(path.join(dir, 'notes.md'), '# not a module file\n');
    fs.writeFileSync(path.join(dir, 'template.yaml'), 'Resources: {}\n');
    fs.mkdirSync(path.join(dir, 'dir.tf'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'other.tf'), 'resource "aws_cognito_user_pool" "q" {}\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the other .tf and .tf.json files of the directory, not the document itself, and nothing else', () => {
    const siblings = siblingDocuments({ uri: uri('main.tf'), languageId: 'terraform', text: '' }, { maxBytes: 1024 });
    assert.ok(siblings);
    assert.deepEqual(siblings.map((s) => path.basename(new URL(s.uri).pathname)).sort(), ['cdk.tf.json', 'pool.tf']);
    const pool = siblings.find((s) => s.uri.endsWith('pool.tf'))!;
    assert.equal(pool.languageId, 'terraform');
    assert.match(pool.text, /aws_cognito_user_pool" "p"/);
    assert.equal(siblings.find((s) => s.uri.endsWith('.tf.json'))!.languageId, 'json');
  });

  it('takes an open document over the disk, and an open document that is not on disk yet', () => {
    const open = [
      { uri: uri('pool.tf'), languageId: 'terraform', text: 'resource "aws_cognito_user_pool" "edited" {}\n' },
      { uri: uri('new.tf'), languageId: 'terraform', text: 'variable "v" {}\n' },
      { uri: uri('sub/other.tf'), languageId: 'terraform', text: 'ignored' },
    ];
    const siblings = siblingDocuments({ uri: uri('main.tf'), languageId: 'terraform', text: '' }, { maxBytes: 1024, openDocuments: () => open })!;
    const byName = new Map(siblings.map((s) => [path.basename(new URL(s.uri).pathname), s.text]));
    assert.deepEqual([...byName.keys()].sort(), ['cdk.tf.json', 'new.tf', 'pool.tf']);
    assert.match(byName.get('pool.tf')!, /"edited"/);
  });

  it('skips files over the size limit and files that are not UTF-8', () => {
    const siblings = siblingDocuments({ uri: uri('main.tf'), languageId: 'terraform', text: '' }, { maxBytes: 10_000 })!;
    const names = siblings.map((s) => path.basename(new URL(s.uri).pathname)).sort();
    assert.deepEqual(names, ['big.tf', 'cdk.tf.json', 'pool.tf']);
  });

  it('gives the JSON twin the same module', () => {
    const siblings = siblingDocuments({ uri: uri('cdk.tf.json'), languageId: 'json', text: '' }, { maxBytes: 1024 })!;
    assert.deepEqual(siblings.map((s) => path.basename(new URL(s.uri).pathname)).sort(), ['main.tf', 'pool.tf']);
  });

  it('has no module for other surfaces, and none on disk for a document that is not a file', () => {
    assert.equal(siblingDocuments({ uri: uri('template.yaml'), languageId: 'yaml', text: 'Resources: {}' }, { maxBytes: 1024 }), undefined);
    assert.deepEqual(siblingDocuments({ uri: 'untitled:Untitled-1', languageId: 'terraform', text: '' }, { maxBytes: 1024 }), []);
    assert.equal(moduleDirectoryOf('untitled:Untitled-1'), undefined);
    assert.equal(moduleDirectoryOf(uri('main.tf')), dir);
  });
});
