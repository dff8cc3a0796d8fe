package config

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// decoder copies a parsed TOML document (as the TOML library returns it,
// maps of any) into the Config structs, collecting every problem instead of
// stopping at the first, so that one run of `check` reports them all.
//
// Struct fields name their key with a `toml:"name"` tag. A field tagged
// "-" is not read from the file. Supported field types: string, int, bool,
// *bool, []string, Duration, Date, structs and slices of structs.
type decoder struct {
	problems *Problems
}

func reflectValue(c *Config) reflect.Value { return reflect.ValueOf(c).Elem() }

var (
	durationType = reflect.TypeOf(Duration(0))
	dateType     = reflect.TypeOf(Date{})
)

// table decodes m into the struct v points at; path is the key path of m.
func (d *decoder) table(m map[string]any, path string, v reflect.Value) {
	known := map[string]bool{}
	d.fields(m, path, v, known)
	var unknown []string
	for k := range m {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		p := join(path, k)
		if secretKeys[k] {
			d.problems.add(p, "%s: passwords do not belong in the config file; use password_env, password_cmd or oauth2_token_cmd", displayKey(p))
			continue
		}
		names := make([]string, 0, len(known))
		for n := range known {
			names = append(names, n)
		}
		if near := Nearest(k, names); near != "" {
			d.problems.add(p, "unknown key %s: did you mean %s?", displayKey(p), near)
			continue
		}
		d.problems.add(p, "unknown key %s", displayKey(p))
	}
}

// fields decodes the tagged fields of v, and of structs embedded in it,
// from m, noting the keys it knows.
func (d *decoder) fields(m map[string]any, path string, v reflect.Value, known map[string]bool) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			d.fields(m, path, v.Field(i), known)
			continue
		}
		name := f.Tag.Get("toml")
		if name == "" || name == "-" {
			continue
		}
		known[name] = true
		if raw, ok := m[name]; ok {
			d.value(raw, join(path, name), v.Field(i))
		}
	}
}

// secretKeys are literal-secret keys people reach for first; they get an
// error that says where secrets go instead of "unknown key".
var secretKeys = map[string]bool{"password": true, "pass": true, "token": true, "oauth2_token": true, "secret": true}

func (d *decoder) value(raw any, path string, v reflect.Value) {
	switch {
	case v.Type() == durationType:
		s, ok := raw.(string)
		if !ok {
			d.typeErr(path, raw, `a duration string such as "14d" or "36h"`)
			return
		}
		dur, err := ParseDuration(s)
		if err != nil {
			d.problems.add(path, "%s: %v", displayKey(path), err)
			return
		}
		v.SetInt(int64(dur))
		return
	case v.Type() == dateType:
		var date time.Time
		switch x := raw.(type) {
		case time.Time:
			date = x
		case string:
			t, err := time.Parse("2006-01-02", x)
			if err != nil {
				d.problems.add(path, "%s: %q is not a date like 2027-09-01", displayKey(path), x)
				return
			}
			date = t
		default:
			d.typeErr(path, raw, "a date like 2027-09-01")
			return
		}
		v.Set(reflect.ValueOf(Date{time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)}))
		return
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			d.typeErr(path, raw, "a string")
			return
		}
		v.SetString(s)
	case reflect.Int:
		n, ok := raw.(int64)
		if !ok {
			d.typeErr(path, raw, "a whole number")
			return
		}
		v.SetInt(n)
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			d.typeErr(path, raw, "true or false")
			return
		}
		v.SetBool(b)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(raw, path, p.Elem())
		v.Set(p)
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			d.typeErr(path, raw, "a table")
			return
		}
		d.table(m, path, v)
	case reflect.Slice:
		d.slice(raw, path, v)
	default:
		d.problems.add(path, "%s: cannot be read (internal: unsupported type %s)", displayKey(path), v.Type())
	}
}

func (d *decoder) slice(raw any, path string, v reflect.Value) {
	elem := v.Type().Elem()
	if elem.Kind() == reflect.Struct {
		tables, ok := raw.([]map[string]any)
		if !ok {
			d.typeErr(path, raw, "an array of tables ([[...]])")
			return
		}
		out := reflect.MakeSlice(v.Type(), len(tables), len(tables))
		for i, m := range tables {
			d.table(m, path+"."+strconv.Itoa(i), out.Index(i))
		}
		v.Set(out)
		return
	}
	list, ok := raw.([]any)
	if !ok {
		d.typeErr(path, raw, "an array")
		return
	}
	out := reflect.MakeSlice(v.Type(), len(list), len(list))
	for i, x := range list {
		d.value(x, path, out.Index(i))
	}
	v.Set(out)
}

func (d *decoder) typeErr(path string, raw any, want string) {
	d.problems.add(path, "%s must be %s, not %s", displayKey(path), want, tomlType(raw))
}

func tomlType(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", x)
	case int64:
		return fmt.Sprintf("the number %d", x)
	case float64:
		return "a decimal number"
	case bool:
		return "a boolean"
	case time.Time:
		return "a date"
	case []any:
		return "an array"
	case map[string]any, []map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// displayKey turns "writer.1.email" into "writer[2].email" for messages;
// users count [[writer]] tables from one.
func displayKey(path string) string {
	parts := strings.Split(path, ".")
	var b strings.Builder
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil && i > 0 {
			fmt.Fprintf(&b, "[%d]", n+1)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}
