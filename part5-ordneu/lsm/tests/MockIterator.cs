using System.Text;

namespace Traces.Lsm.Tests;

/// <summary>The error a <see cref="MockIterator"/> raises at its chosen position.</summary>
public sealed class MockIteratorFailure(string message) : Exception(message);

/// <summary>Raised when anything touches a <see cref="MockIterator"/> after it failed.</summary>
public sealed class MockTouchedAfterFailure(string message) : Exception(message);

/// <summary>
/// A storage iterator over a fixed list of entries that can be told to fail: the <c>Next</c> that would move onto
/// position <c>failAt</c> throws instead, and every later use of the iterator throws and is recorded.
/// </summary>
public sealed class MockIterator : IStorageIterator
{
    private readonly (byte[] Key, byte[] Value)[] _entries;
    private readonly int _failAt;
    private int _position;
    private bool _failed;

    public MockIterator(IEnumerable<(string Key, string Value)> entries, int failAt = int.MaxValue)
    {
        _entries = entries.Select(e => (Encoding.ASCII.GetBytes(e.Key), Encoding.ASCII.GetBytes(e.Value))).ToArray();
        _failAt = failAt;
    }

    /// <summary>Gets whether anything touched the iterator after it failed.</summary>
    public bool TouchedAfterFailure { get; private set; }

    /// <summary>Gets how many times <see cref="Next"/> was called.</summary>
    public int NextCalls { get; private set; }

    public ReadOnlyMemory<byte> Key => Touch()._entries[_position].Key;

    public ReadOnlyMemory<byte> Value => Touch()._entries[_position].Value;

    public bool IsValid => Touch()._position < _entries.Length;

    public void Next()
    {
        Touch();
        NextCalls++;
        if (_position >= _entries.Length)
        {
            throw new InvalidOperationException("Next called on an invalid mock iterator.");
        }

        if (_position + 1 == _failAt)
        {
            _failed = true;
            throw new MockIteratorFailure($"mock failure moving to position {_failAt}");
        }

        _position++;
    }

    private MockIterator Touch()
    {
        if (_failed)
        {
            TouchedAfterFailure = true;
            throw new MockTouchedAfterFailure("the mock iterator was touched after it failed");
        }

        return this;
    }
}
