-- DMA Scenario Workbench for Neovim (0.7 or newer): the .dmas filetype and its language server
-- (`./dmas lsp`), with or without nvim-lspconfig. See editors/nvim/README.md.
local M = {}

local clients = {} -- root folder -> client id

--- The project folder of a file: the nearest folder above it with pom.xml, .project or .git
--- (the same rule as ./dmas and the language server's imports), else the file's folder.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  local candidates = {}
  for _, marker in ipairs({ 'pom.xml', '.project' }) do
    local f = vim.fn.findfile(marker, dir .. ';')
    if f ~= '' then table.insert(candidates, vim.fn.fnamemodify(f, ':p:h')) end
  end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then table.insert(candidates, vim.fn.fnamemodify(git, ':p:h:h')) end
  local best = nil
  for _, c in ipairs(candidates) do
    if best == nil or #c > #best then best = c end -- the nearest is the longest path
  end
  return best or dir
end

--- The command that starts the server: opts.cmd, else `dmas lsp` from $DMAS_HOME or the PATH.
local function command(opts)
  if opts.cmd then return opts.cmd end
  local home = os.getenv('DMAS_HOME')
  if home and home ~= '' then return { home .. '/dmas', 'lsp' } end
  return { 'dmas', 'lsp' }
end

--- Runs the current file (or, with a name, one scenario or benchmark) through the server's dmas.run:
--- failing steps come back as diagnostics on their lines.
function M.run(name)
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].modified then vim.cmd('write') end
  local args = { vim.uri_from_bufnr(buf) }
  if name and name ~= '' then table.insert(args, name) end
  vim.lsp.buf_request(buf, 'workspace/executeCommand', { command = 'dmas.run', arguments = args }, function(err, result)
    if err then
      vim.notify('dmas run: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif result then
      local levels = { [0] = vim.log.levels.INFO, [1] = vim.log.levels.WARN }
      local what = ({ [0] = 'every expectation met', [1] = 'expectations not met (see the diagnostics)' })[result.exitCode]
        or (result.message or 'invalid input')
      vim.notify('dmas run: ' .. what, levels[result.exitCode] or vim.log.levels.ERROR)
    end
  end)
end

--- Starts (once per project) and attaches the server to a buffer.
function M.attach(buf, opts)
  opts = opts or M.options or {}
  local root = M.root_dir(vim.api.nvim_buf_get_name(buf))
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = 'dmas',
      cmd = command(opts),
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
      on_attach = function(client, bufnr)
        if client.resolved_capabilities and client.resolved_capabilities.code_lens or client.server_capabilities.codeLensProvider then
          vim.lsp.codelens.refresh()
          vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
            buffer = bufnr, callback = function() vim.lsp.codelens.refresh() end })
        end
        if opts.on_attach then opts.on_attach(client, bufnr) end
      end,
    })
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(buf, id) end
  return id
end

--- Registers the filetype, starts the server for .dmas buffers, and adds :DmasRun [NAME].
--- opts: cmd (the server command, default `dmas lsp`), on_attach(client, bufnr).
function M.setup(opts)
  M.options = opts or {}
  if vim.filetype and vim.filetype.add then vim.filetype.add({ extension = { dmas = 'dmas' } }) end
  local group = vim.api.nvim_create_augroup('dmas', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group, pattern = 'dmas', callback = function(args) M.attach(args.buf, M.options) end })
  vim.api.nvim_create_user_command('DmasRun', function(c) M.run(c.args) end, { nargs = '?' })
end

return M
