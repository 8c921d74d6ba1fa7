export default defineBackground(() => {
  console.info('Clocked Out worker');
});
