using System;
using System.Runtime.CompilerServices;
using Xunit;

namespace DatadogGen.Testing;

/// <summary>The theory counterpart of <see cref="SharedDataFactAttribute"/>: same folder, same skip rule.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute([CallerMemberName] string testName = "")
    {
        if (SharedData.SkipUnlessAvailable() is { } reason)
        {
            Skip = reason;
            DisplayName = SharedData.SkippedDisplayName(testName);
        }
    }
}
