namespace Traces;

/// <summary>Guarantees a trace makes beyond the contract's minimum; the conformance suite checks what is declared.</summary>
[Flags]
public enum TraceGuarantees
{
    /// <summary>Only the contract: <c>Get</c> may yield updates unordered and unconsolidated; <c>Keys</c> in any order.</summary>
    None = 0,

    /// <summary><c>Get</c> yields updates sorted by <c>(val, time)</c>, consolidated: no two share both, no diff is zero.</summary>
    ConsolidatedUpdates = 1,

    /// <summary><c>Keys</c> yields keys in strictly ascending order.</summary>
    AscendingKeys = 2,

    /// <summary>Both <see cref="ConsolidatedUpdates"/> and <see cref="AscendingKeys"/>: what parts 2 and later promise.</summary>
    Sorted = ConsolidatedUpdates | AscendingKeys,
}
