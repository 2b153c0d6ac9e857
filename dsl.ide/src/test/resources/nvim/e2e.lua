-- Driven by NeovimEndToEndTest: a real Neovim (its built-in LSP client) against ./dmas lsp.
-- Writes what it saw to $DMAS_E2E_OUT as JSON, then quits. Every step waits with a timeout.
local results = { steps = {} }
local function record(key, value) results[key] = value end
local function step(name) table.insert(results.steps, name) end

local function finish()
  local f = assert(io.open(os.getenv('DMAS_E2E_OUT'), 'w'))
  f:write(vim.json.encode(results))
  f:close()
  vim.cmd('qa!')
end

local function request(buf, method, params, timeout)
  local responses = vim.lsp.buf_request_sync(buf, method, params, timeout or 30000)
  for _, r in pairs(responses or {}) do
    if r.error then error(method .. ': ' .. vim.inspect(r.error)) end
    return r.result
  end
  error(method .. ': no answer')
end

local function count(buf, word)
  local n = 0
  for _, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    for _ in line:gmatch('%f[%w_]' .. word .. '%f[^%w_]') do n = n + 1 end
  end
  return n
end

local ok, err = pcall(function()
  require('dmas').setup({ cmd = vim.json.decode(os.getenv('DMAS_E2E_CMD')) })
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DMAS_E2E_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  record('filetype', vim.bo[buf].filetype)

  assert(vim.wait(90000, function() return #vim.diagnostic.get(buf) > 0 end, 100), 'no diagnostics for the broken line')
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(diags, (d.lnum + 1) .. ': ' .. d.message) end
  record('diagnostics', diags)
  step('diagnostics')

  -- fix the broken line (line 3: "probe nosuch" -> "probe dsa0"): the diagnostics go
  vim.api.nvim_buf_set_lines(buf, 2, 3, false, { '    probe dsa0' })
  assert(vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 100), 'diagnostics stay after the fix')
  step('fixed')

  -- completion inside dma_unmap_single(dsa0, |
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    local at = line:find('dma_unmap_single%(dsa0, ')
    if at then
      vim.api.nvim_win_set_cursor(0, { i, at - 1 + #'dma_unmap_single(dsa0, ' })
      break
    end
  end
  local completion = request(buf, 'textDocument/completion', vim.lsp.util.make_position_params())
  local items = completion.items or completion
  local labels = {}
  table.sort(items, function(a, b) return (a.sortText or a.label) < (b.sortText or b.label) end)
  for i = 1, math.min(5, #items) do table.insert(labels, items[i].label) end
  record('completion', labels)
  step('completion')

  -- rename the handle "payload" at its declaration: every reference changes
  local before = count(buf, 'payload')
  record('payloadBefore', before)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local at = line:find('buffer payload')
    if at then vim.api.nvim_win_set_cursor(0, { i, at - 1 + #'buffer ' }) break end
  end
  local params = vim.lsp.util.make_position_params()
  params.newName = 'data0'
  local edit = request(buf, 'textDocument/rename', params)
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  record('payloadAfter', count(buf, 'payload'))
  record('data0After', count(buf, 'data0'))
  assert(vim.wait(30000, function() return #vim.diagnostic.get(buf) == 0 end, 100), 'the rename broke the file')
  step('rename')

  local lenses = request(buf, 'textDocument/codeLens', { textDocument = vim.lsp.util.make_text_document_params() })
  local titles = {}
  for _, l in ipairs(lenses) do table.insert(titles, l.range.start.line .. ' ' .. l.command.title) end
  record('lenses', titles)
  step('lenses')

  vim.cmd('write')
  local ran = request(buf, 'workspace/executeCommand', { command = 'dmas.run', arguments = { vim.uri_from_bufnr(buf) } }, 90000)
  record('exitCode', ran.exitCode)
  local failing = nil
  assert(vim.wait(30000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == 'dmas run' then failing = (d.lnum + 1) .. ': ' .. d.message return true end
    end
    return false
  end, 100), 'no dmas run diagnostic')
  record('runDiagnostic', failing)
  step('run')
end)
if not ok then record('error', tostring(err)) end
finish()
