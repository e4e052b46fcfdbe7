#include "deterministic_broadphase.hpp"

#include <cassert>

#include <BulletCollision/BroadphaseCollision/btOverlappingPairCache.h>

namespace practicum::physics::detail {
namespace {

// the proxy list helpers of btDbvtBroadphase.cpp (file-local there)
void listAppend(btDbvtProxy* item, btDbvtProxy*& list) {
  item->links[0] = nullptr;
  item->links[1] = list;
  if (list) list->links[0] = item;
  list = item;
}

void listRemove(btDbvtProxy* item, btDbvtProxy*& list) {
  if (item->links[0])
    item->links[0]->links[1] = item->links[1];
  else
    list = item->links[1];
  if (item->links[1]) item->links[1]->links[0] = item->links[0];
}

// btDbvt::optimizeIncremental without the pointer-ordered node rotation: walks to the leaf
// chosen by the path counter and re-inserts it, which is what keeps the tree balanced
void optimizeIncremental(btDbvt& tree, int passes) {
  if (passes < 0) passes = tree.m_leaves;
  if (!tree.m_root || passes <= 0) return;
  do {
    btDbvtNode* node = tree.m_root;
    unsigned bit = 0;
    while (node->isinternal()) {
      node = node->childs[(tree.m_opath >> bit) & 1];
      bit = (bit + 1) & (sizeof(unsigned) * 8 - 1);
    }
    tree.update(node);
    ++tree.m_opath;
  } while (--passes);
}

}  // namespace

void DeterministicBroadphase::calculateOverlappingPairs(btDispatcher* dispatcher) {
  collideDeterministic(dispatcher);
  performDeferredRemoval(dispatcher);
}

void DeterministicBroadphase::collideDeterministic(btDispatcher* dispatcher) {
  // optimise both trees a little
  optimizeIncremental(m_sets[0], 1 + (m_sets[0].m_leaves * m_dupdates) / 100);
  if (m_fixedleft) {
    const int count = 1 + (m_sets[1].m_leaves * m_fupdates) / 100;
    optimizeIncremental(m_sets[1], count);
    m_fixedleft = btMax<int>(0, m_fixedleft - count);
  }

  // proxies that did not move for a full stage cycle go to the fixed set
  m_stageCurrent = (m_stageCurrent + 1) % STAGECOUNT;
  btDbvtProxy* current = m_stageRoots[m_stageCurrent];
  if (current) {
    do {
      btDbvtProxy* next = current->links[1];
      listRemove(current, m_stageRoots[current->stage]);
      listAppend(current, m_stageRoots[STAGECOUNT]);
      m_sets[0].remove(current->leaf);
      ATTRIBUTE_ALIGNED16(btDbvtVolume)
      curAabb = btDbvtVolume::FromMM(current->m_aabbMin, current->m_aabbMax);
      current->leaf = m_sets[1].insert(curAabb, current);
      current->stage = STAGECOUNT;
      current = next;
    } while (current);
    m_fixedleft = m_sets[1].m_leaves;
    m_needcleanup = true;
  }

  // deferred dynamic collision is never enabled by World (pairs are found in setAabb)
  assert(!m_deferedcollide);

  // incremental clean-up of pairs whose boxes no longer overlap
  if (m_needcleanup) {
    btBroadphasePairArray& pairs = m_paircache->getOverlappingPairArray();
    if (pairs.size() > 0) {
      int ni = btMin(pairs.size(), btMax<int>(m_newpairs, (pairs.size() * m_cupdates) / 100));
      for (int i = 0; i < ni; ++i) {
        btBroadphasePair& p = pairs[(m_cid + i) % pairs.size()];
        auto* pa = static_cast<btDbvtProxy*>(p.m_pProxy0);
        auto* pb = static_cast<btDbvtProxy*>(p.m_pProxy1);
        if (!Intersect(pa->leaf->volume, pb->leaf->volume)) {
          m_paircache->removeOverlappingPair(pa, pb, dispatcher);
          --ni;
          --i;
        }
      }
      m_cid = pairs.size() > 0 ? (m_cid + ni) % pairs.size() : 0;
    }
  }

  // bookkeeping, as in btDbvtBroadphase::collide
  ++m_pid;
  m_newpairs = 1;
  m_needcleanup = false;
  m_updates_ratio = m_updates_call > 0 ? static_cast<btScalar>(m_updates_done) /
                                             static_cast<btScalar>(m_updates_call)
                                       : 0;
  m_updates_done /= 2;
  m_updates_call /= 2;
}

}  // namespace practicum::physics::detail
