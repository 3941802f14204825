using System.Globalization;

namespace Traces.Culture.Tests;

/// <summary>
/// Sets the current culture (and UI culture) for the life of the scope, after checking that this process really
/// compares strings by culture: with globalization off, or without ICU, the runtime compares ordinally and every
/// test here would pass without proving anything.
/// </summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        // The culture-aware comparisons below are the point: they check what this process does.
#pragma warning disable CA1309, CA1310
        string.Compare("k", "k\u00AD", StringComparison.CurrentCulture).Should().Be(
            0,
            $"culture '{name}' must ignore the soft hyphen, as it does with ICU and globalization on; otherwise this "
            + "process compares ordinally (InvariantGlobalization, or no ICU) and the tests would prove nothing");
        "k".CompareTo("k\u00AD").Should().Be(0, "string.CompareTo must be culture-aware in this process");
#pragma warning restore CA1309, CA1310
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
