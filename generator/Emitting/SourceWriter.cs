using System;
using System.Text;

namespace DatadogGen.Generator.Emitting;

/// <summary>
/// The one writer every emitter uses: lines with indentation, "\n" line endings on every OS so output is
/// byte-identical everywhere.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var level = 0; level < _indent; level++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public Scope Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this);
    }

    public override string ToString() => _builder.ToString();

    public readonly struct Scope : IDisposable
    {
        private readonly SourceWriter _writer;

        public Scope(SourceWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
