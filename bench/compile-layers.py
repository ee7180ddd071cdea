#!/usr/bin/env python3
"""Where the compile of the generated code goes: the generated files of all of v2, rewritten into lighter shapes.

    python3 bench/compile-layers.py <generated dir> <work dir>

Writes one class library per layer under <work dir>/<layer>/ (a project file and src/), each compiling the same
types with one more part of what the generator emits taken away. bench/measure-compile.sh (LAYERS=1) times them
beside Kiota. The rewrites are textual and follow the emitted shape of this commit (ModelEmitter, EnumEmitter,
UnionEmitter): a rewrite that no longer finds what it removes stops the script, so a changed emitter is noticed
instead of measured wrongly. The layers only compile; they are not clients.

    emitted          everything the generator emits, as plain sources (no generator in the build)
    models           the models, enums and unions only: no API classes, no DatadogJson
    no-read-write    ... with the bodies of ReadProperty and WriteProperties emptied
    no-static-json   ... and without IJsonValue<T> (interface and static members), [JsonConverter], union bodies
    slots            models as slot storage: each property reads and writes slot i of a base class; no fields,
                     no serializer members; unions hold their value in a base class (a design, not today's code)
    floor            typed models with auto-properties and no base class: no serialization possible at all
"""
import pathlib
import re
import shutil
import sys

DECLARATION = re.compile(r'^(\s*)public (readonly |sealed )?partial (class|struct) (\w+)\s*:\s*(.*)$')
PRESENCE_PROPERTY = re.compile(
    r'^(\s*public (?:required )?)(.+?) (\w+) \{ get => (_\w+); set \{ \4 = value; MarkPresent\((\d+)\); \} \}$')
KNOWN_VALUES = re.compile(r'(\.WithKnownValues\([0-9]+, [^)]*\.IsKnown\))+;')
TYPE_END = re.compile(r'^    \}$')

# The base classes of the slots layer: compiled into that library, not part of the runtime.
SLOT_BASES = '''namespace DatadogGen.GeneratedCode
{
    public abstract class SlotModel
    {
        private object?[] _slots = new object?[8];

        protected abstract JsonShape JsonShape { get; }

        protected object? GetSlot(int index) => index < _slots.Length ? _slots[index] : null;

        protected void SetSlot(int index, object? value)
        {
            if (index >= _slots.Length)
            {
                System.Array.Resize(ref _slots, index + 8);
            }

            _slots[index] = value;
        }
    }

    public abstract class SlotUnion
    {
        public object? Value { get; set; }
    }
}
'''


def is_api_file(path):
    return path.name.endswith('Api.g.cs') or '.DatadogJson.' in path.name


def skip_block(lines, i):
    """Index after the method starting at lines[i] (its signature line, then a braced body)."""
    i += 1
    depth = 0
    while True:
        text = lines[i].strip()
        depth += text.count('{') - text.count('}')
        i += 1
        if depth == 0 and text == '}':
            return i


def empty_read_write(lines):
    out, i = [], 0
    while i < len(lines):
        text = lines[i].strip()
        if text.startswith('protected override void ReadProperty') or text.startswith('protected override void WriteProperties'):
            indent = lines[i + 1][:len(lines[i + 1]) - len(lines[i + 1].lstrip())]
            out += [lines[i], indent + '{', indent + '}']
            i = skip_block(lines, i)
            continue
        out.append(lines[i])
        i += 1
    return out


def strip_types(lines, model_base, property_shape, keep_model_members, union_base=None):
    """Rewrites every generated type; a base of None means no base class."""
    out, i, kind = [], 0, None
    while i < len(lines):
        line = lines[i]
        text = line.strip()
        if 'JsonConverter(typeof' in line:
            i += 1
            continue
        declaration = DECLARATION.match(line)
        if declaration:
            indent, _, _, name, bases = declaration.groups()
            if 'ApiModel' in bases:
                kind = 'model'
                out.append(f'{indent}public partial class {name}' + (f' : {model_base}' if model_base else ''))
            elif 'IEquatable' in bases:
                kind = 'enum'
                out.append(f'{indent}public readonly partial struct {name} : global::System.IEquatable<{name}>')
            else:
                kind = 'union'
                out.append(f'{indent}public partial class {name}' + (f' : {union_base}' if union_base else ''))
            i += 1
            continue
        if kind == 'union':
            if text == '{' and out[-1].lstrip().startswith('public partial class'):
                out.append(line)
            elif TYPE_END.match(line):
                out.append(line)
                kind = None
            i += 1
            continue
        if text.startswith('static ') and 'IJsonValue<' in text:
            i += 1
            continue
        if kind == 'enum':
            if 'IJsonModel.IsUnparsed' in text:
                i += 1
                continue
            if model_base is None and 'JsonEnumValues' in text:
                i += 1
                continue
            if model_base is None and 'IsKnown =>' in text:
                line = line.replace('__values.IsKnown(_value)', '_value is not null')
        if kind == 'model':
            prop = PRESENCE_PROPERTY.match(line)
            if prop and property_shape:
                out.append(property_shape(prop))
                i += 1
                continue
            if not keep_model_members:
                if text.startswith('private ') and text.endswith(';') and '(' not in text:
                    i += 1
                    continue
                if text.startswith('/// <inheritdoc/>'):
                    i += 1
                    continue
                if text.startswith('protected override void'):
                    i = skip_block(lines, i)
                    continue
                if text.startswith('internal static readonly global::DatadogGen'):
                    if model_base is not None:
                        out.append(KNOWN_VALUES.sub(';', line))
                    i += 1
                    continue
                if text.startswith('protected override') and model_base is None:
                    i += 1
                    continue
        if text.startswith('internal static readonly global::DatadogGen.GeneratedCode.JsonShape __shape'):
            line = KNOWN_VALUES.sub(';', line)
        if kind in ('model', 'enum') and TYPE_END.match(line):
            kind = None
        out.append(line)
        i += 1
    return out


LAYERS = {
    'emitted': None,
    'models': lambda lines: lines,
    'no-read-write': empty_read_write,
    'no-static-json': lambda lines: strip_types(
        empty_read_write(lines), 'global::DatadogGen.GeneratedCode.ApiModel', None, keep_model_members=True),
    'slots': lambda lines: strip_types(
        lines, 'global::DatadogGen.GeneratedCode.SlotModel',
        lambda p: f'{p.group(1)}{p.group(2)} {p.group(3)} {{ get => ({p.group(2)})GetSlot({p.group(5)})!; set => SetSlot({p.group(5)}, value); }}',
        keep_model_members=False, union_base='global::DatadogGen.GeneratedCode.SlotUnion'),
    'floor': lambda lines: strip_types(
        lines, None, lambda p: f'{p.group(1)}{p.group(2)} {p.group(3)} {{ get; set; }}', keep_model_members=False),
}

# What each layer must have removed from the emitted models, so a changed emitter stops the script.
EXPECTED_GONE = {
    'no-read-write': 'case 0:',
    'no-static-json': 'IJsonValue<',
    'slots': 'MarkPresent(',
    'floor': 'MarkPresent(',
}


def main(generated, work, project_file):
    sources = sorted(pathlib.Path(generated).glob('*.g.cs'))
    if not any(s.name.endswith('Api.g.cs') for s in sources):
        sys.exit(f'compile-layers: no generated API files in {generated}')
    for layer, rewrite in LAYERS.items():
        target = pathlib.Path(work) / layer / 'src'
        shutil.rmtree(target.parent, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.copy(project_file, target.parent / 'Layer.csproj')
        for source in sources:
            if rewrite is not None and is_api_file(source):
                continue
            text = source.read_text(encoding='utf-8-sig')
            if rewrite is not None:
                text = '\n'.join(rewrite(text.split('\n')))
            (target / source.name).write_text(text, encoding='utf-8')
        if layer == 'slots':
            (target / 'SlotBases.cs').write_text(SLOT_BASES, encoding='utf-8')
        gone = EXPECTED_GONE.get(layer)
        if gone and any(gone in f.read_text(encoding='utf-8') for f in target.glob('Consumer.Datadog.Models.*.g.cs')):
            sys.exit(f'compile-layers: layer {layer} still holds "{gone}": the emitted shape changed, update the rewrite')
        print(f'{layer}: {sum(1 for f in target.glob("*.cs"))} files, '
              f'{sum(f.read_text(encoding="utf-8").count(chr(10)) + 1 for f in target.glob("*.cs"))} lines')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit('usage: compile-layers.py <generated dir> <work dir> <project file to copy into each layer>')
    main(*sys.argv[1:])
