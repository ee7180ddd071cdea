using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace DatadogGen.Runtime.Tests;

public sealed class UnstableOperationTests
{
    private const string Operation = "v2.CreateIncidentPostmortemAttachment";

    static UnstableOperationTests() =>
        Configuration.RegisterUnstableOperations(Operation, "v2.ListIncidentTodos", "v1.GetSloReport");

    [Fact]
    public void DisabledByDefaultAndEnabledPerInstance()
    {
        var configuration = new Configuration();
        var other = new Configuration();

        Assert.False(configuration.IsUnstableOperationEnabled(Operation));
        configuration.SetUnstableOperationEnabled(Operation, true);

        Assert.True(configuration.IsUnstableOperationEnabled(Operation));
        Assert.False(other.IsUnstableOperationEnabled(Operation));
        configuration.SetUnstableOperationEnabled(Operation, false);
        Assert.False(configuration.IsUnstableOperationEnabled(Operation));
    }

    [Fact]
    public void DisabledOperationThrowsTheDocumentedMessage()
    {
        var configuration = new Configuration();

        UnstableOperationDisabledException ex = Assert.Throws<UnstableOperationDisabledException>(
            () => configuration.ThrowIfUnstableOperationDisabled(Operation));

        Assert.Equal("Unstable operation 'v2.CreateIncidentPostmortemAttachment' is disabled. Enable it with configuration.SetUnstableOperationEnabled(\"v2.CreateIncidentPostmortemAttachment\", true).", ex.Message);
        Assert.Equal(Operation, ex.OperationName);
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
    }

    [Fact]
    public void DisabledOperationMessageNamesTheCallThatEnablesIt()
    {
        var configuration = new Configuration();

        var ex = Assert.Throws<UnstableOperationDisabledException>(() => configuration.ThrowIfUnstableOperationDisabled("v1.GetSloReport"));

        // The documented first sentence stays as Datadog's clients word it; the call that fixes it follows.
        Assert.StartsWith("Unstable operation 'v1.GetSloReport' is disabled. ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Enable it with configuration.SetUnstableOperationEnabled(\"v1.GetSloReport\", true).", ex.Message, StringComparison.Ordinal);

        // And the call it names is the one that works.
        configuration.SetUnstableOperationEnabled("v1.GetSloReport", true);
        configuration.ThrowIfUnstableOperationDisabled("v1.GetSloReport");
    }

    [Fact]
    public void EnabledOperationDoesNotThrow()
    {
        var configuration = new Configuration();
        configuration.SetUnstableOperationEnabled(Operation, true);

        configuration.ThrowIfUnstableOperationDisabled(Operation);
    }

    [Theory]
    [InlineData("v2.createincidentpostmortemattachment")]
    [InlineData("CreateIncidentPostmortemAttachment")]
    [InlineData("v1.CreateIncidentPostmortemAttachment")]
    [InlineData("v2.CreateIncidentPostmortemAtachment")]
    public void UnknownNameSuggestsTheClosestRegisteredOne(string name)
    {
        var configuration = new Configuration();

        ArgumentException setEx = Assert.Throws<ArgumentException>(() => configuration.SetUnstableOperationEnabled(name, true));
        ArgumentException isEx = Assert.Throws<ArgumentException>(() => configuration.IsUnstableOperationEnabled(name));

        Assert.StartsWith($"Unknown unstable operation '{name}'. Did you mean '{Operation}'?", setEx.Message);
        Assert.Equal(setEx.Message, isEx.Message);
    }

    [Fact]
    public void UnknownNameWithoutCloseMatchExplainsTheNameFormat()
    {
        var configuration = new Configuration();

        ArgumentException ex = Assert.Throws<ArgumentException>(
            () => configuration.SetUnstableOperationEnabled("something completely different", true));

        Assert.StartsWith("Unknown unstable operation 'something completely different'.", ex.Message);
        Assert.DoesNotContain("Did you mean", ex.Message);
        Assert.Contains("'v2.CreateIncidentPostmortemAttachment'", ex.Message);
    }

    [Fact]
    public void RegistrationIsSafeFromManyThreads()
    {
        string[] names = Enumerable.Range(0, 200).Select(i => $"v9.ConcurrentOperation{i}").ToArray();
        var configuration = new Configuration();

        Parallel.ForEach(names, name =>
        {
            Configuration.RegisterUnstableOperations(name);
            configuration.SetUnstableOperationEnabled(name, true);
        });

        Assert.All(names, name => Assert.True(configuration.IsUnstableOperationEnabled(name)));
    }

    [Fact]
    public void RegistrationRejectsBlankNames()
    {
        Assert.Throws<ArgumentException>(() => Configuration.RegisterUnstableOperations("v2.Fine", " "));
        Assert.Throws<ArgumentException>(() => new Configuration().IsUnstableOperationEnabled("v2.Fine"));
    }
}
