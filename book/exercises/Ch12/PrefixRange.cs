using Traces.Lsm;

namespace Exercises.Ch12;

#region prefix
/// <summary>The range of keys that start with a prefix, as two bounds a scan takes.</summary>
public static class PrefixRange
{
    public static (Bound Lower, Bound Upper) Of(byte[] prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfZero(prefix.Length);
        // The first key after every key with the prefix: drop trailing 0xFF bytes, add one to the
        // last.
        int last = Array.FindLastIndex(prefix, b => b != 0xFF);
        if (last < 0)
        {
            // All 0xFF: no key sorts after every key with the prefix.
            return (Bound.Included(prefix), Bound.Unbounded);
        }

        var successor = prefix[..(last + 1)];
        successor[last]++;
        return (Bound.Included(prefix), Bound.Excluded(successor));
    }
}
#endregion
