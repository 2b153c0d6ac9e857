" DMA Scenario Workbench: .dmas files (Neovim before filetype.lua, and Vim)
autocmd BufRead,BufNewFile *.dmas setfiletype dmas
