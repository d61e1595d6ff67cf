#pragma once

#include "base/error.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace fp {

// Little helpers to persist model parameters as a compact blob. Values are stored in the host's
// byte order (all supported targets are little-endian) and read back bit for bit, so a loaded
// model predicts exactly what the saved one did.
class BinaryWriter final
{
public:
    template <typename T> void put(const T& value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        append(&value, sizeof(T));
    }
    template <typename T> void putVector(const std::vector<T>& values)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        put<std::uint64_t>(values.size());
        append(values.data(), values.size() * sizeof(T));
    }
    void putString(const std::string& s);
    const std::vector<std::uint8_t>& bytes() const { return m_bytes; }

private:
    void append(const void* data, std::size_t size)
    {
        const std::size_t old = m_bytes.size();
        m_bytes.resize(old + size);
        if (size > 0)
            std::memcpy(m_bytes.data() + old, data, size);
    }
    std::vector<std::uint8_t> m_bytes;
};

class BinaryReader final
{
public:
    explicit BinaryReader(const std::vector<std::uint8_t>& bytes) : m_bytes(bytes) {}

    template <typename T> T get()
    {
        static_assert(std::is_trivially_copyable_v<T>);
        need(sizeof(T));
        T value;
        std::memcpy(&value, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return value;
    }
    template <typename T> std::vector<T> getVector()
    {
        const auto n = get<std::uint64_t>();
        if (n > (m_bytes.size() - m_pos) / sizeof(T))
            throw FlashPlanError(ProblemKind::StoredModelTruncated);
        std::vector<T> values(n);
        if (n > 0) // an empty vector's data() may be null, which memcpy must never get
            std::memcpy(values.data(), m_bytes.data() + m_pos, n * sizeof(T));
        m_pos += n * sizeof(T);
        return values;
    }
    std::string getString();
    bool atEnd() const { return m_pos == m_bytes.size(); }

private:
    void need(std::size_t n) const
    {
        if (m_bytes.size() - m_pos < n)
            throw FlashPlanError(ProblemKind::StoredModelTruncated);
    }
    const std::vector<std::uint8_t>& m_bytes;
    std::size_t m_pos = 0;
};

} // namespace fp
