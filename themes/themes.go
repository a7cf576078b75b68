// Package themes embeds the default theme so that gongshi build works
// anywhere. themes/default/ is its source; a site overrides any file of it
// under its own themes/NAME/.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed all:default
var embedded embed.FS

// Default returns the default theme: layouts/, static/ and i18n/.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embed pattern guarantees the folder
	}
	return sub
}
