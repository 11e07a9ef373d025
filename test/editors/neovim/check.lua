-- The language server in Neovim 0.7's built-in LSP client, headless:
--
--   COGNITO_EDITORS_CASES=cases.resolved.json COGNITO_SERVER=dist/server/server.js \
--     nvim --headless -u NONE -i NONE -n -c "luafile test/editors/neovim/check.lua"
--
-- For each fixture in the resolved cases (written by test/editors/run.ts): open it, wait for the
-- expected diagnostic codes, hover, complete, apply a quick fix (skipped, with the reason,
-- while the server offers no code actions), and run a "Convert to ..." action's command. Prints
-- `ok NAME`, `skip NAME: why` or `fail NAME: why` per check and exits non-zero when any check
-- failed. Neovim 0.7 has no `vim.lsp.start` and no `nvim -l`, hence `start_client` +
-- `buf_attach_client` and `luafile`.

local TIMEOUT = tonumber(os.getenv('COGNITO_EDITORS_TIMEOUT_MS') or '') or 15000
local failures = 0

local function say(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end
local function ok(name) say('ok ' .. name) end
local function skip(name, why) say('skip ' .. name .. ': ' .. why) end
local function fail(name, why)
  failures = failures + 1
  say('fail ' .. name .. ': ' .. tostring(why):gsub('\n', ' '))
end

local function read_json(path)
  return vim.fn.json_decode(table.concat(vim.fn.readfile(path), '\n'))
end

-- The latest pushed diagnostics per uri, exactly as the server sent them (for codeAction contexts).
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then published[result.uri] = result.diagnostics end
  return default_publish(err, result, ctx, config)
end

-- Every window/showMessage text (the server's answer to a CodeLens command).
local messages = {}
vim.lsp.handlers['window/showMessage'] = function(_, result)
  if result then table.insert(messages, result.message) end
end

local function codes_of(diagnostics)
  local set = {}
  for _, d in ipairs(diagnostics or {}) do
    if d.code ~= nil then set[tostring(d.code)] = true end
  end
  return set
end

local function missing_codes(expected, present)
  local missing = {}
  for _, code in ipairs(expected) do
    if not present[code] then table.insert(missing, code) end
  end
  return missing
end

local function sorted_keys(set)
  local keys = vim.tbl_keys(set)
  table.sort(keys)
  return keys
end

--- One request to our client only; returns result or raises with the error.
local function request(client_id, bufnr, method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  if not answers then error(method .. ': ' .. tostring(err)) end
  local answer = answers[client_id]
  if not answer then error(method .. ': no answer from the server') end
  if answer.err or answer.error then error(method .. ': ' .. vim.inspect(answer.err or answer.error)) end
  return answer.result
end

local function hover_text(contents)
  if type(contents) == 'string' then return contents end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, type(c) == 'string' and c or c.value or '') end
  return table.concat(parts, '\n')
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
end

local function run_case(client_id, case)
  local label = vim.fn.fnamemodify(case.path, ':t')
  vim.cmd('edit ' .. vim.fn.fnameescape(case.path))
  local bufnr = vim.api.nvim_get_current_buf()
  -- `-u NONE` turns filetype detection off; the filetype is the languageId Neovim sends.
  vim.bo[bufnr].filetype = case.languageId
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(bufnr)
  local doc = { uri = uri }

  -- Diagnostics --------------------------------------------------------------------------------
  local name = label .. ' diagnostics'
  local present = {}
  local arrived = vim.wait(TIMEOUT, function()
    present = codes_of(vim.diagnostic.get(bufnr))
    return #missing_codes(case.codes, present) == 0
  end, 50)
  if arrived then
    ok(name)
  else
    fail(name, 'missing ' .. table.concat(missing_codes(case.codes, present), ', ') .. '; got [' .. table.concat(sorted_keys(present), ', ') .. ']')
  end

  -- Hover ----------------------------------------------------------------------------------------
  name = label .. ' hover'
  local good, why = pcall(function()
    local result = request(client_id, bufnr, 'textDocument/hover', { textDocument = doc, position = { line = case.hover.line, character = case.hover.character } })
    if not result or not result.contents then error('no hover at ' .. case.hover.at) end
    local text = hover_text(result.contents)
    if not text:find(case.hover.expect, 1, true) then error('hover lacks "' .. case.hover.expect .. '": ' .. text:sub(1, 200)) end
  end)
  if good then ok(name) else fail(name, why) end

  -- CodeLens: Neovim's own codelens module shows the lenses; running the problems lens sends
  -- workspace/executeCommand, and the server answers with a message naming the first problem.
  if case.codeLens then
    name = label .. ' codelens'
    good, why = pcall(function()
      local lens = case.codeLens
      local titles = {}
      vim.lsp.codelens.refresh()
      local shown = vim.wait(TIMEOUT, function()
        titles = {}
        for _, l in ipairs(vim.lsp.codelens.get(bufnr)) do
          if l.command and l.range.start.line == lens.line then table.insert(titles, l.command.title) end
        end
        return vim.tbl_contains(titles, lens.expect) and vim.tbl_contains(titles, lens.problems)
      end, 50)
      if not shown then error('lenses on line ' .. (lens.line + 1) .. ': [' .. table.concat(titles, ' | ') .. ']') end
      local before = #messages
      local select = vim.ui.select
      vim.ui.select = function(items, opts, on_choice)
        for _, item in ipairs(items) do
          if opts.format_item(item) == lens.problems then return on_choice(item) end
        end
        on_choice(nil)
      end
      vim.api.nvim_win_set_cursor(0, { lens.line + 1, 0 })
      local ran, err = pcall(vim.lsp.codelens.run)
      vim.ui.select = select
      if not ran then error(err) end
      local said = vim.wait(TIMEOUT, function() return #messages > before end, 50)
      if not said then error('no message after running the "' .. lens.problems .. '" lens') end
      local text = messages[#messages]
      local where = 'line ' .. (lens.firstProblem.line + 1)
      if not text:find(lens.firstProblem.code, 1, true) or not text:find(where, 1, true) then
        error('the message does not name ' .. lens.firstProblem.code .. ' on ' .. where .. ': ' .. text)
      end
    end)
    if good then ok(name) else fail(name, why) end
  end

  -- Completion -----------------------------------------------------------------------------------
  for _, completion in ipairs(case.completions) do
    name = label .. ' completion ' .. completion.name
    good, why = pcall(function()
      local result = request(client_id, bufnr, 'textDocument/completion', {
        textDocument = doc,
        position = { line = completion.line, character = completion.character },
        context = { triggerKind = 1 },
      })
      local items = result and (result.items or result) or {}
      local labels = {}
      for _, item in ipairs(items) do labels[item.label] = true end
      if not labels[completion.expect] then
        error('no "' .. completion.expect .. '" among [' .. table.concat(sorted_keys(labels), ', ') .. ']')
      end
      if completion.reject and labels[completion.reject] then error('"' .. completion.reject .. '" offered though it is already written') end
    end)
    if good then ok(name) else fail(name, why) end
  end

  -- Code action ----------------------------------------------------------------------------------
  name = label .. ' code action ' .. case.codeAction.code
  local caps = client.server_capabilities or {}
  if not caps.codeActionProvider then
    skip(name, 'the server offers no code actions yet')
    return
  end
  good, why = pcall(function()
    local target
    for _, d in ipairs(published[uri] or {}) do
      if tostring(d.code) == case.codeAction.code then target = d end
    end
    if not target then error('no ' .. case.codeAction.code .. ' diagnostic to fix') end
    local actions = request(client_id, bufnr, 'textDocument/codeAction', {
      textDocument = doc,
      range = target.range,
      context = { diagnostics = { target }, only = { 'quickfix' } },
    }) or {}
    local chosen
    for _, action in ipairs(actions) do
      local fixes_target = false
      for _, d in ipairs(action.diagnostics or {}) do
        if tostring(d.code) == case.codeAction.code then fixes_target = true end
      end
      local title_matches = not case.codeAction.titleIncludes or (action.title or ''):find(case.codeAction.titleIncludes, 1, true)
      if fixes_target and title_matches then chosen = chosen or action end
    end
    chosen = chosen or actions[1]
    if not chosen then error('no code action offered for ' .. case.codeAction.code) end
    if not chosen.edit and type(caps.codeActionProvider) == 'table' and caps.codeActionProvider.resolveProvider then
      chosen = request(client_id, bufnr, 'codeAction/resolve', chosen)
    end
    if not chosen.edit then error('the action "' .. tostring(chosen.title) .. '" carries no edit') end
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    if not buffer_text(bufnr):find(case.codeAction.expectText, 1, true) then
      error('after "' .. chosen.title .. '" the buffer lacks ' .. case.codeAction.expectText)
    end
    local cleared = vim.wait(TIMEOUT, function()
      return not codes_of(vim.diagnostic.get(bufnr))[case.codeAction.code]
    end, 50)
    if not cleared then error(case.codeAction.code .. ' is still reported after "' .. chosen.title .. '"') end
  end)
  if good then ok(name) else fail(name, why) end

  -- Conversion: the "Convert to ..." action carries the server's command (Neovim does not open
  -- documents for the server); executing it through the client answers the converted text.
  -- Neovim 0.7 announces no `documentChanges`, so the server creates no file beside the source.
  if case.convert then
    local convert = case.convert
    name = label .. ' convert ' .. convert.target
    good, why = pcall(function()
      local place = { line = convert.line, character = convert.character }
      local actions = request(client_id, bufnr, 'textDocument/codeAction', {
        textDocument = doc,
        range = { start = place, ['end'] = place },
        context = { diagnostics = {}, only = { 'refactor.rewrite' } },
      }) or {}
      local chosen
      local titles = {}
      for _, action in ipairs(actions) do
        table.insert(titles, tostring(action.title))
        if action.title == convert.title then chosen = chosen or action end
      end
      if not chosen then error('no "' .. convert.title .. '" among [' .. table.concat(titles, ', ') .. ']') end
      local command = chosen.command
      if type(command) ~= 'table' or command.command ~= 'cognitoClient.server.convertClient' then
        error('"' .. convert.title .. '" carries no server command: ' .. vim.inspect(command))
      end
      if command.arguments[3] ~= convert.target then error('the command converts to ' .. tostring(command.arguments[3])) end
      local result = request(client_id, bufnr, 'workspace/executeCommand', { command = command.command, arguments = command.arguments })
      if type(result) ~= 'table' or type(result.content) ~= 'string' then error('the command answered ' .. vim.inspect(result)) end
      if result.language ~= convert.language then error('the converted text is ' .. tostring(result.language) .. ', not ' .. convert.language) end
      for _, expected in ipairs(convert.expectText) do
        if not result.content:find(expected, 1, true) then error('the converted text lacks ' .. expected .. ': ' .. result.content) end
      end
    end)
    if good then ok(name) else fail(name, why) end
  end
end

local function main()
  local cases_file = os.getenv('COGNITO_EDITORS_CASES') or error('COGNITO_EDITORS_CASES is not set')
  local server = os.getenv('COGNITO_SERVER') or error('COGNITO_SERVER is not set')
  local node = os.getenv('COGNITO_NODE') or 'node'
  local cases = read_json(cases_file)

  local client_id = vim.lsp.start_client({
    name = 'cognito-client',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(cases[1].path, ':h'),
  })
  if not client_id then error('could not start ' .. server) end
  local started = vim.wait(TIMEOUT, function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  if not started then error('the server did not finish initialize within ' .. TIMEOUT .. ' ms') end
  local caps = vim.lsp.get_client_by_id(client_id).server_capabilities or {}
  say('neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '; server code actions: ' .. (caps.codeActionProvider and 'yes' or 'no'))

  for _, case in ipairs(cases) do
    local good, why = pcall(run_case, client_id, case)
    if not good then fail(vim.fn.fnamemodify(case.path, ':t') .. ' scenario', why) end
  end
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
end

local good, why = pcall(main)
if not good then fail('neovim setup', why) end
if failures > 0 then
  vim.cmd('cquit! 1')
else
  vim.cmd('qall!')
end
