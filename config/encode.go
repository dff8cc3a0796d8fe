package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Encode writes c as a config file that Load reads back to the same
// values: every key that is set (not its zero value), in the order of
// config.example.toml, each table headed by a comment saying what it is
// for. Setup and init write new files with it, and tests build their
// configs with it; editing an existing file keeps the applicant's own
// comments instead (see Edit).
func Encode(c *Config) []byte {
	var b strings.Builder
	b.WriteString("# lorkeeper configuration (see config.example.toml for every key).\n")
	b.WriteString("# Relative paths are relative to this file. Secrets never go in it.\n")
	e := encoder{b: &b}
	e.table(reflect.ValueOf(c).Elem(), "")
	return []byte(b.String())
}

// tableComments head each table of an encoded file.
var tableComments = map[string]string{
	"applicant": "You, as programs and writers see you.",
	"imap":      "The mailbox lorkeeper reads replies from.",
	"smtp":      "The server lorkeeper sends your emails through.",
	"schedule":  "Reminders and the digest.",
	"portals":   "Letter-upload notices come from these senders.",
	"dashboard": "The review page in your browser.",
	"writer":    "One [[writer]] table per letter writer.",
}

type encoder struct{ b *strings.Builder }

// table writes the keys of struct v, then its sub-tables.
func (e encoder) table(v reflect.Value, path string) {
	var subs []func()
	e.fields(v, path, &subs)
	for _, s := range subs {
		s()
	}
}

func (e encoder) fields(v reflect.Value, path string, subs *[]func()) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			e.fields(fv, path, subs)
			continue
		}
		name := f.Tag.Get("toml")
		if name == "" || name == "-" || fv.IsZero() {
			continue
		}
		switch {
		case f.Type.Kind() == reflect.Struct && f.Type != dateType:
			key := join(path, name)
			*subs = append(*subs, func() {
				if c, ok := tableComments[key]; ok {
					fmt.Fprintf(e.b, "\n# %s\n", c)
				} else {
					e.b.WriteString("\n")
				}
				fmt.Fprintf(e.b, "[%s]\n", key)
				e.table(fv, key)
			})
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
			key := join(path, name)
			*subs = append(*subs, func() {
				if c, ok := tableComments[key]; ok {
					fmt.Fprintf(e.b, "\n# %s\n", c)
				}
				for j := 0; j < fv.Len(); j++ {
					fmt.Fprintf(e.b, "\n[[%s]]\n", key)
					e.table(fv.Index(j), key)
				}
			})
		default:
			fmt.Fprintf(e.b, "%s = %s\n", name, value(fv))
		}
	}
}

// value formats a scalar or an array of scalars as TOML.
func value(v reflect.Value) string {
	switch {
	case v.Type() == durationType:
		return tomlString(Duration(v.Int()).String())
	case v.Type() == dateType:
		return v.Interface().(Date).String()
	}
	switch v.Kind() {
	case reflect.Pointer:
		return value(v.Elem())
	case reflect.String:
		return tomlString(v.String())
	case reflect.Int:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = value(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	panic(fmt.Sprintf("config: cannot encode %s", v.Type())) // a field type decode does not accept either
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError || r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
