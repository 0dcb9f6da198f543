import { useLayoutEffect, useRef } from 'react'

/**
 * Keeps the CSS variable `name` on the page root equal to the element's height, as it changes
 * (a status bar that wraps onto two lines in a narrow window): the page keeps that much room
 * free for an element fixed over it.
 */
export function useReservedHeight<T extends HTMLElement>(name: string) {
  const ref = useRef<T | null>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const root = document.documentElement
    const reserve = () => root.style.setProperty(name, `${element.offsetHeight}px`)
    reserve()
    const observer = new ResizeObserver(reserve)
    observer.observe(element)
    return () => {
      observer.disconnect()
      root.style.removeProperty(name)
    }
  }, [name])
  return ref
}
