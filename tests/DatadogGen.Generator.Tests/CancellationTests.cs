using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using DatadogGen.Generator.Model;
using DatadogGen.Generator.Parsing;
using DatadogGen.Testing;
using Xunit;
using Xunit.Abstractions;

namespace DatadogGen.Generator.Tests;

/// <summary>
/// The IDE cancels generation on every keystroke: a cancelled run must end in OperationCanceledException (never
/// in DDG007, a partial model or a run to completion). Microsoft.OpenApi's reader takes no token, so the first
/// chance to stop comes when it returns (about 0.9 s into Datadog's spec); parsing and emitting check the token.
/// </summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    /// <remarks>
    /// As below, the cancel comes from a timer that a busy machine (CI runs test classes in parallel) may fire after
    /// the run is over; such an attempt is repeated. A cancel that fired while the run had work ahead must stop it.
    /// </remarks>
    [SharedDataFact]
    public void Cancelling_a_run_over_the_full_v2_spec_throws_OperationCanceledException()
    {
        var spec = new InMemoryAdditionalText("/project/openapi-v2.yaml", File.ReadAllText(SharedData.PathOf("openapi-v2.yaml")));
        var compilation = GeneratorHarness.CreateCompilation();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var driver = GeneratorHarness.CreateDriver(spec);
            using var cancellation = new CancellationTokenSource();
            var stopwatch = Stopwatch.StartNew();
            var firedAt = TimeSpan.MaxValue;
            cancellation.Token.Register(() => firedAt = stopwatch.Elapsed);
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
            try
            {
                driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out _, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine($"attempt {attempt}: cancelled after {firedAt.TotalMilliseconds:F0} ms, stopped after {stopwatch.ElapsedMilliseconds} ms");
                return;
            }

            var finishedAt = stopwatch.Elapsed;
            // Emitting all of v2 takes over a second after the parse; a cancel before its last 200 ms must be seen.
            Assert.False(
                firedAt < finishedAt - TimeSpan.FromMilliseconds(200),
                $"attempt {attempt}: cancelled at {firedAt.TotalMilliseconds:F0} ms, but the run went on to {finishedAt.TotalMilliseconds:F0} ms");
            output.WriteLine($"attempt {attempt}: the timer fired late ({firedAt.TotalMilliseconds:F0} ms, run done at {finishedAt.TotalMilliseconds:F0} ms); repeating");
        }

        Assert.Fail("in 5 attempts the cancel never fired while the run was going; the machine is too busy to tell");
    }

    /// <remarks>
    /// The cancel comes from a timer, which a busy machine may fire late, after the parse already returned. Such an
    /// attempt proves nothing either way and is repeated; an attempt whose cancel fired while the parse still had
    /// a quarter of its work ahead must end in OperationCanceledException.
    /// </remarks>
    [Fact]
    public void Cancelling_SpecParser_Parse_after_it_started_throws_OperationCanceledException()
    {
        var input = new SpecInput("/project/large.yaml", LargeSpec(operations: 400), "Consumer.Datadog", string.Empty);
        SpecParser.Parse(input, CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        SpecParser.Parse(input, CancellationToken.None);
        var uncancelled = stopwatch.Elapsed;

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            using var cancellation = new CancellationTokenSource();
            var firedAt = TimeSpan.MaxValue;
            cancellation.Token.Register(() => firedAt = stopwatch.Elapsed);
            stopwatch.Restart();
            cancellation.CancelAfter(uncancelled / 4);
            try
            {
                SpecParser.Parse(input, cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine($"a full parse took {uncancelled.TotalMilliseconds:F0} ms; attempt {attempt} was cancelled after {firedAt.TotalMilliseconds:F0} ms and stopped after {stopwatch.ElapsedMilliseconds} ms");
                return;
            }

            var finishedAt = stopwatch.Elapsed;
            Assert.False(
                firedAt < finishedAt - uncancelled / 4,
                $"attempt {attempt}: cancelled at {firedAt.TotalMilliseconds:F0} ms, but the parse ran to completion at {finishedAt.TotalMilliseconds:F0} ms");
            output.WriteLine($"attempt {attempt}: the timer fired late ({firedAt.TotalMilliseconds:F0} ms, parse done at {finishedAt.TotalMilliseconds:F0} ms); repeating");
        }

        Assert.Fail("in 10 attempts the cancel never fired while the parse was running; the machine is too busy to tell");
    }

    [Fact]
    public void A_token_cancelled_before_the_run_stops_it()
    {
        var spec = new InMemoryAdditionalText("/project/postmortem.yaml", GeneratorHarness.ReadSpec("create-postmortem-attachment.yaml"));

        Assert.ThrowsAny<OperationCanceledException>(() => GeneratorHarness.CreateDriver(spec)
            .RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(), out _, out _, new CancellationToken(canceled: true)));
    }

    /// <summary>Operations in pairs sharing a tag, each with a request and response model, an enum and a list.</summary>
    private static string LargeSpec(int operations)
    {
        var paths = new StringBuilder("paths:\n");
        var schemas = new StringBuilder("components:\n  schemas:\n");
        for (var index = 0; index < operations; index++)
        {
            paths.Append($$$"""
                  /things{{{index}}}/{id}:
                    post:
                      operationId: CreateThing{{{index}}}
                      tags: [Group{{{index / 2}}}]
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: string}}
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Thing{{{index}}}Request'}
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '#/components/schemas/Thing{{{index}}}'}

                """);
            schemas.Append($$$"""
                    Thing{{{index}}}Request:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string}
                        kind: {$ref: '#/components/schemas/Thing{{{index}}}Kind'}
                    Thing{{{index}}}:
                      type: object
                      properties:
                        id: {type: string, format: uuid}
                        created: {type: string, format: date-time}
                        tags: {type: array, items: {type: string}}
                        kind: {$ref: '#/components/schemas/Thing{{{index}}}Kind'}
                        parent: {$ref: '#/components/schemas/Thing{{{index}}}'}
                    Thing{{{index}}}Kind:
                      type: string
                      enum: [first, second, third]

                """);
        }

        return "openapi: 3.0.0\ninfo: {title: large, version: '1'}\n" + paths + schemas;
    }
}
