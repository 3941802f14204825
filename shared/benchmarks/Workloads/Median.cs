namespace Traces.Benchmarks;

/// <summary>The median the probes report: robust to the few measurements a shared machine disturbs.</summary>
internal static class Median
{
    /// <summary>Returns the median of <paramref name="values"/>, sorting them in place.</summary>
    /// <param name="values">At least one value.</param>
    public static double Of(double[] values)
    {
        Array.Sort(values);
        int middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
