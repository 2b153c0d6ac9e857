" DMA Scenario Workbench: colours for .dmas files where the editor has no semantic tokens (Neovim < 0.9, Vim)
if exists('b:current_syntax') | finish | endif
syntax iskeyword @,48-57,_,192-255,-
syntax keyword dmasKeyword import platform iommu arch device scenario benchmark on probe unbind dma cpu read write len pasid
syntax keyword dmasKeyword advance check repeat compare threads iterations granule direction mode delay bdf behind driver
syntax keyword dmasKeyword default-domain cmdline memory cpus cost quirk flush-queue entries address-width pasid-bits dma-mask
syntax keyword dmasType buffer dma_addr domain process sg_table coherent_buf sva int
syntax keyword dmasExpect expect ok fault finding dma-debug
syntax match dmasNumber '\<\(0x[0-9a-fA-F_]\+\|[0-9][0-9_]*\)\>'
syntax match dmasNumber '\<[0-9a-fA-F]\{4}:[0-9a-fA-F]\{2}:[0-9a-fA-F]\{2}\.[0-7]\>'
syntax match dmasErrno '-E[A-Z]\+\>'
syntax match dmasConstant '\<\(DMA\|IOMMU\)_[A-Z_]\+\>'
syntax region dmasString start=+"+ end=+"\|$+
syntax match dmasComment '//.*$'
syntax region dmasComment start='/\*' end='\*/'
highlight default link dmasKeyword Keyword
highlight default link dmasType Type
highlight default link dmasExpect Statement
highlight default link dmasNumber Number
highlight default link dmasErrno Constant
highlight default link dmasConstant Constant
highlight default link dmasString String
highlight default link dmasComment Comment
let b:current_syntax = 'dmas'
